package dev.podsearch.web;

/** The body of every error response: a short title, the HTTP status and what the client can act on. */
record ApiError(String title, int status, String details) {}
