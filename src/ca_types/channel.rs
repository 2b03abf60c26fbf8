//! The description of a channel that `cainfo` returns, and its connection
//! state.
#![forbid(unsafe_code)]

use std::fmt;

use super::FieldType;

/// The connection state of a channel, as `cainfo` reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChannelState {
    /// No server has answered yet.
    NeverConnected,
    /// Was connected, and lost its server.
    PreviouslyConnected,
    /// Connected now.
    Connected,
    /// Closed by this client.
    Closed,
}

impl fmt::Display for ChannelState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ChannelState::NeverConnected => "never connected",
            ChannelState::PreviouslyConnected => "previously connected",
            ChannelState::Connected => "connected",
            ChannelState::Closed => "closed",
        })
    }
}

/// What `cainfo` tells about a channel.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChannelInfo {
    /// The PV name.
    pub name: String,
    /// The connection state.
    pub state: ChannelState,
    /// The server as `host:port`, or `"<disconnected>"`.
    pub host: String,
    /// Whether this client may read the PV.
    pub read: bool,
    /// Whether this client may write the PV.
    pub write: bool,
    /// The number of elements (`.NELM`); 0 when not connected.
    pub element_count: usize,
    /// The native field type; `None` when not connected.
    pub datatype: Option<FieldType>,
}

impl fmt::Display for ChannelInfo {
    /// Prints like EPICS base's `cainfo` tool.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.name)?;
        writeln!(f, "    State:            {}", self.state)?;
        writeln!(f, "    Host:             {}", self.host)?;
        let access = match (self.read, self.write) {
            (true, true) => "read, write",
            (true, false) => "read, no write",
            (false, true) => "no read, write",
            (false, false) => "no read, no write",
        };
        writeln!(f, "    Access:           {access}")?;
        match self.datatype {
            Some(datatype) => {
                writeln!(f, "    Native data type: {}", datatype.dbf_name())?;
                writeln!(f, "    Request type:     {}", datatype.dbr_name())?;
            }
            None => writeln!(f, "    Native data type: TYPENOTCONN")?,
        }
        write!(f, "    Element count:    {}", self.element_count)
    }
}
