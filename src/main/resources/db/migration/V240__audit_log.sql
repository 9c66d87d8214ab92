-- The audit log (issue #18 §5): who did what, to what, when, from where. Written only by dev.signet.audit.AuditTrail,
-- never changed. It absorbs customer_audit (links, merges, pins since V30): those entries are copied with their ids
-- negated (no clash with the sequence, which counts up from 1) and the table goes, so there is one audit.
create sequence audit_entry_seq start with 1 increment by 50;
create table audit_entry (
    id             bigint primary key,
    at             timestamp with time zone not null,
    actor          varchar(64)  not null,
    action         varchar(40)  not null,
    target_type    varchar(32)  not null,
    target_id      varchar(64)  not null,
    detail         varchar(4000),
    remote_address varchar(64)
);
create index ix_audit_entry_at on audit_entry (at, id);
create index ix_audit_entry_target on audit_entry (target_type, target_id, at);
create index ix_audit_entry_actor on audit_entry (actor, at);
create index ix_audit_entry_action on audit_entry (action, at);

insert into audit_entry (id, at, actor, action, target_type, target_id, detail, remote_address)
select -id, at, actor, action, 'customer', cast(customer_id as varchar(20)),
       '{' || substring(
           coalesce(',"identityId":' || cast(identity_id as varchar(20)), '')
           || coalesce(',"otherCustomerId":' || cast(other_customer_id as varchar(20)), '')
           || coalesce(',"reason":"' || replace(replace(reason, '\', '\\'), '"', '\"') || '"', ''), 2) || '}',
       null
from customer_audit;

drop table customer_audit;
drop sequence customer_audit_seq;

-- Append-only on PostgreSQL: a trigger refuses UPDATE, DELETE and TRUNCATE whoever asks, the table's owner
-- included (revoked privileges would not bind the owner Signet connects as). H2, the embedded default's one-person
-- database, gets no trigger (its triggers are Java classes): there the placeholders postgresql_only_begin and
-- postgresql_only_end turn the block below into a comment, and only Signet's code keeps the log append-only.
${postgresql_only_begin}
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op using errcode = '42501';
end
$$;
create trigger audit_entry_no_change before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
${postgresql_only_end}
