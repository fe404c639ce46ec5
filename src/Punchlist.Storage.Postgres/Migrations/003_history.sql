-- The burn-up of each repository, by day, as its pushes' `punch history` counted it (scope and done
-- at the day's end). A push carries its last days; the head's push writes them (an older commit
-- pushed later writes nothing), so each day holds what the latest history read.
CREATE TABLE history_days (
    repository_id  bigint NOT NULL REFERENCES repositories (id),
    day            date NOT NULL,
    scope          int NOT NULL,
    done           int NOT NULL,
    PRIMARY KEY (repository_id, day)
);
