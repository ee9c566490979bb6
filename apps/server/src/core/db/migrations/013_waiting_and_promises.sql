-- Every customer left waiting past the time-to-human target raises an alert (not only upset ones), and a
-- promised callback falling due reminds the person who owns it.
alter table alerts drop constraint alerts_kind_check;
alter table alerts add constraint alerts_kind_check
  check (kind in ('mood_drop', 'upset_streak', 'upset_waiting', 'waited_too_long', 'follow_up_due', 'callback_due'));
