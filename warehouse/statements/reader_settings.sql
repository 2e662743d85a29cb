set TimeZone = 'UTC';
