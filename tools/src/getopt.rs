//! `getopt(3)` as the EPICS tools see it on Linux: GNU getopt, which moves
//! operands (PV names) after the options unless `POSIXLY_CORRECT` is set (as
//! caput sets it, so that negative values are values), with an optstring
//! that starts with ':' (a missing argument reports ':').

/// One item of the command line, in the order getopt returns them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opt {
    /// An option and its argument, if it takes one.
    Flag(char, Option<String>),
    /// An option not in the optstring (getopt's '?').
    Unknown(char),
    /// An option whose argument is missing (getopt's ':').
    MissingArgument(char),
}

/// The options, in order, and the operands.
pub fn getopt(args: &[String], optstring: &str, posix: bool) -> (Vec<Opt>, Vec<String>) {
    let takes_argument = |c: char| -> Option<bool> {
        let at = optstring.find(c)?;
        (c != ':').then(|| optstring[at + c.len_utf8()..].starts_with(':'))
    };
    let mut options = Vec::new();
    let mut operands = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        if arg == "--" {
            operands.extend(args[i..].iter().cloned());
            break;
        }
        if !arg.starts_with('-') || arg == "-" {
            if posix {
                operands.push(arg.clone());
                operands.extend(args[i..].iter().cloned());
                break;
            }
            operands.push(arg.clone());
            continue;
        }
        let chars: Vec<char> = arg[1..].chars().collect();
        let mut j = 0;
        while j < chars.len() {
            let c = chars[j];
            j += 1;
            match takes_argument(c) {
                None => options.push(Opt::Unknown(c)),
                Some(false) => options.push(Opt::Flag(c, None)),
                Some(true) => {
                    if j < chars.len() {
                        options.push(Opt::Flag(c, Some(chars[j..].iter().collect())));
                    } else if i < args.len() {
                        options.push(Opt::Flag(c, Some(args[i].clone())));
                        i += 1;
                    } else {
                        options.push(Opt::MissingArgument(c));
                    }
                    break;
                }
            }
        }
    }
    (options, operands)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn clusters_attached_and_separate_arguments() {
        let (options, operands) =
            getopt(&strings(&["-tn", "-e3", "-#", "4", "pv"]), ":tne:#:", false);
        assert_eq!(
            options,
            vec![
                Opt::Flag('t', None),
                Opt::Flag('n', None),
                Opt::Flag('e', Some("3".into())),
                Opt::Flag('#', Some("4".into())),
            ]
        );
        assert_eq!(operands, strings(&["pv"]));
    }

    #[test]
    fn gnu_permutes_posix_stops() {
        let args = strings(&["pv", "-t", "-5"]);
        let (options, operands) = getopt(&args, ":t5", false);
        assert_eq!(options, vec![Opt::Flag('t', None), Opt::Flag('5', None)]);
        assert_eq!(operands, strings(&["pv"]));
        let (options, operands) = getopt(&args, ":t", true);
        assert!(options.is_empty());
        assert_eq!(operands, args);
    }

    #[test]
    fn reports_unknown_and_missing() {
        let (options, _) = getopt(&strings(&["-x", "-w"]), ":w:", false);
        assert_eq!(options, vec![Opt::Unknown('x'), Opt::MissingArgument('w')]);
        let (options, operands) = getopt(&strings(&["--", "-t"]), ":t", false);
        assert!(options.is_empty());
        assert_eq!(operands, strings(&["-t"]));
    }
}
