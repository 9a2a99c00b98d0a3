/**
 * Shared platform: layout, languages, security, users and API tokens, audit log, problem responses,
 * paging, localised text, source citations and the database bootstrap. Open to every module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.marsad.platform;
