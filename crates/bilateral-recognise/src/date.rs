//! Dates in the forms articles write them, normalised with their precision.
