-- A survey's outcome is worded in Java (care.CsatSurvey.outcome) from what is stored: status, score, skip_reason
-- and unreadable_answer. The words stored beside them go; other features read the enums through care.CareFigures.
-- A skipped survey always had its reason; should one lack it, it is read back from the words once, here.
update csat_survey set skip_reason = case outcome
        when 'Skipped: reopened before the question was due' then 'REOPENED'
        when 'Skipped: escalated conversation' then 'ESCALATED'
        when 'Skipped: hand-off less than an hour before resolution' then 'RECENT_HAND_OFF'
        when 'Skipped: no agent reply in the conversation' then 'NO_AGENT_REPLY'
        when 'Skipped: customer asked already in the period' then 'ASKED_RECENTLY'
        when 'Skipped: too late to ask' then 'TOO_LATE'
        when 'Skipped: the question could not be sent' then 'CANNOT_SEND'
        when 'Skipped: surveys switched off' then 'DISABLED'
    end
where status = 'SKIPPED' and skip_reason is null;

alter table csat_survey drop column outcome;
