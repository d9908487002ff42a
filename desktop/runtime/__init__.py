"""Start-up and the files around the app: paths, resources, logging, data safety. No Qt."""
