/**
 * The HTTP face of podsearch: the JSON API and the search page, on Javalin — the only package that touches it.
 *
 * <p>{@link dev.podsearch.web.WebApp#create} takes a {@link dev.podsearch.search.SearchService}; controllers do HTTP
 * only and exceptions are mapped to JSON errors in one place.
 */
package dev.podsearch.web;
