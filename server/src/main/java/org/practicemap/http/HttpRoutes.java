package org.practicemap.http;

import io.vertx.ext.web.Router;

/** A feature's plain HTTP endpoints (QR codes, feeds, exports), mounted beside /graphql. */
public interface HttpRoutes {
  void mount(Router router);
}
