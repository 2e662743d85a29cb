insert into schema_migrations values ($version, $name, now());
