/**
 * The podcast episode model: plain records shared by every other package.
 *
 * <p>Nothing here depends on a library; importers produce these records, the index stores them and the search and web
 * layers hand them back to users.
 */
package dev.podsearch.episode;
