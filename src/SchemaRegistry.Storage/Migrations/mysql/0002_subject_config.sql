CREATE TABLE IF NOT EXISTS subject_config (
    subject       VARCHAR(200) NOT NULL PRIMARY KEY,
    compatibility VARCHAR(32)  NOT NULL,
    updated_at    BIGINT       NOT NULL,
    updated_by    VARCHAR(200) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
