/** A mainland China mobile number as typed: 11 digits starting with 1. */
export const PHONE_PATTERN = /^1\d{10}$/;
