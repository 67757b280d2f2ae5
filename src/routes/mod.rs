//! One module per screen.

pub mod bad_link;
pub mod home;
pub mod quiz;
pub mod results;
