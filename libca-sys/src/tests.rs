//! Checks of the bindings against the real libca they link.

use super::*;
use core::ffi::CStr;

fn message(code: i32) -> String {
    ca_message_text(code).to_string_lossy().into_owned()
}

#[test]
fn eca_codes_match_libca_messages() {
    assert_eq!(message(ECA_NORMAL), "Normal successful completion");
    assert_eq!(
        message(ECA_TIMEOUT),
        "User specified timeout on IO operation expired"
    );
    assert_eq!(message(ECA_DISCONN), "Virtual circuit disconnect");
    assert_eq!(message(ECA_NOWTACCESS), "Write access denied");
    assert_eq!(message(ECA_UNRESPTMO), "Virtual circuit unresponsive");
}

#[test]
fn status_fields_extract_as_the_c_macros_do() {
    assert_eq!(ECA_NORMAL, 1);
    assert_eq!(ECA_TIMEOUT, 80);
    assert_eq!(ca_extract_msg_no(ECA_TIMEOUT), 10);
    assert_eq!(ca_extract_severity(ECA_INTERNAL), CA_K_FATAL as i32);
    assert_eq!(ca_extract_success(ECA_NORMAL), 1);
    assert_eq!(ca_extract_success(ECA_TIMEOUT), 0);
}

#[test]
fn context_can_be_created_and_destroyed() {
    // SAFETY: this test thread has no CA context; create attaches one to it and
    // destroy releases it again before the thread ends.
    unsafe {
        assert_eq!(ca_context_create(ca_enable_preemptive_callback), ECA_NORMAL);
        assert!(!ca_current_context().is_null());
        assert_eq!(ca_preemtive_callback_is_enabled(), 1);
        ca_context_destroy();
        assert!(ca_current_context().is_null());
    }
}

#[test]
fn dbr_sizes_agree_with_struct_layouts() {
    use core::mem::size_of;
    assert_eq!(dbr_size_n(DBR_DOUBLE, 1), Some(8));
    assert_eq!(dbr_size_n(DBR_DOUBLE, 10), Some(80));
    assert_eq!(dbr_size_n(DBR_STRING, 2), Some(80));
    assert_eq!(
        dbr_size_n(DBR_TIME_DOUBLE, 1),
        Some(size_of::<dbr_time_double>())
    );
    assert_eq!(
        dbr_size_n(DBR_CTRL_LONG, 3),
        Some(size_of::<dbr_ctrl_long>() + 2 * size_of::<dbr_long_t>())
    );
    assert_eq!(dbr_size_n(LAST_BUFFER_TYPE + 1, 1), None);
    assert_eq!(
        dbr_value_offset_of(DBR_TIME_DOUBLE),
        Some(core::mem::offset_of!(dbr_time_double, value))
    );
}

#[test]
fn dbr_families_convert_like_the_c_macros() {
    assert_eq!(dbf_type_to_DBR_TIME(DBF_DOUBLE), Some(DBR_TIME_DOUBLE));
    assert_eq!(dbf_type_to_DBR_CTRL(DBF_ENUM), Some(DBR_CTRL_ENUM));
    assert_eq!(dbf_type_to_DBR_STS(DBF_NO_ACCESS), None);
    assert_eq!(dbr_plain_type(DBR_CTRL_CHAR), Some(DBR_CHAR));
    assert_eq!(dbr_plain_type(DBR_PUT_ACKT), None);
    assert!(dbr_type_is_TIME(DBR_TIME_STRING) && !dbr_type_is_TIME(DBR_GR_STRING));
    assert_eq!(
        dbr_type_to_text(DBR_TIME_DOUBLE).to_bytes(),
        b"DBR_TIME_DOUBLE"
    );
    assert_eq!(dbr_type_to_text(-1).to_bytes(), b"DBR_invalid");
}

/// With the `bindgen` feature, the bindings just generated must equal the committed ones.
#[cfg(feature = "bindgen")]
#[test]
fn committed_bindings_match_a_fresh_bindgen_run() {
    let fresh = include_str!(concat!(env!("OUT_DIR"), "/bindings.rs"));
    let committed = include_str!("bindings.rs");
    assert!(
        fresh == committed,
        "src/bindings.rs is out of date with bindgen's output: regenerate it with \
         `LIBCA_SYS_UPDATE_BINDINGS=1 cargo build -p libca-sys --features bindgen` and commit it"
    );
}

#[test]
fn alarm_names_come_from_libcoms_tables() {
    let name = |text: Option<&CStr>| text.map(|t| t.to_str().unwrap().to_owned());
    assert_eq!(name(alarm_severity_name(0)).as_deref(), Some("NO_ALARM"));
    assert_eq!(name(alarm_severity_name(3)).as_deref(), Some("INVALID"));
    assert_eq!(alarm_severity_name(4), None);
    assert_eq!(name(alarm_condition_name(3)).as_deref(), Some("HIHI"));
    assert_eq!(name(alarm_condition_name(17)).as_deref(), Some("UDF"));
    assert_eq!(
        name(alarm_condition_name(21)).as_deref(),
        Some("WRITE_ACCESS")
    );
    assert_eq!(alarm_condition_name(22), None);
    assert_eq!(alarm_condition_name(u16::MAX), None);
}
