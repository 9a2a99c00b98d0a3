/**
 * The document library: the source documents with their metadata, readable with stable line anchors,
 * French full-text search, and the passages that records of every module cite.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents", allowedDependencies = "platform")
package org.marsad.documents;
