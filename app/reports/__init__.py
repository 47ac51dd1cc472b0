"""PDF renderers: plain data in, bytes out. Nothing here reads the database, so a renderer can
print only what the service chose to give it."""
