//! Numbers, counts and money amounts.
