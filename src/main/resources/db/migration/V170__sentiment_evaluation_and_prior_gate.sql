-- Labelled examples a lead imports from an evaluated file become corrections without a message: they keep their
-- own text (a correction of a message keeps none: it reads the message's).
alter table sentiment_correction alter column message_id drop not null;
alter table sentiment_correction add column text varchar(4000);

-- The label-mix gate: whether a version applies its estimated label mix, and the held-out figures that decided it.
-- Versions made before the gate applied it: true for them.
alter table sentiment_model_version add column prior_applied boolean default true not null;
alter table sentiment_model_version add column prior_held_out integer default 0 not null;
alter table sentiment_model_version add column prior_recall_with double precision;
alter table sentiment_model_version add column prior_recall_without double precision;
