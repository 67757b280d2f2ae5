//! One module per screen; `parts` holds the pieces the quiz screens share.

pub mod bad_link;
pub mod browse;
pub mod exam;
pub mod home;
pub mod loading;
pub mod parts;
pub mod question;
pub mod quiz;
pub mod results;
pub mod settings;
pub mod shared;
pub mod stats;
