// GET /api/openapi.json takes no parameters, and reads none: any query string is ignored.
