-- An identity first seen without its handle (X did not expand the author) keeps its user id as a stand-in
-- until the handle is known; taking the real handle then is not a rename.
alter table social_identity add column handle_known boolean default true not null;
-- The cost meter counts users looked up for authors X did not expand.
alter table api_usage add column user_reads bigint default 0 not null;
