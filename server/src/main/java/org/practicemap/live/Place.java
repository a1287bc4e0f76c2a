package org.practicemap.live;

/**
 * What a filter of {@code activitiesChanged} looks at in an activity: its theme board, the ltree
 * path of its point, and where it takes place (the mobile deployment's position, or the point's).
 */
record Place(String themeCode, String pointPath, double lat, double lng) {}
