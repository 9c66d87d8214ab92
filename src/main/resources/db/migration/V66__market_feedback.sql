-- Market feedback flagged by agents lands in flagged_message (reason MARKET_FEEDBACK) with its category, an
-- optional note, and who reported it (kept for the record; the insights show team counts only).
alter table flagged_message add column category varchar(16);
alter table flagged_message add column note varchar(280);
alter table flagged_message add column flagged_by bigint references app_user (id);
