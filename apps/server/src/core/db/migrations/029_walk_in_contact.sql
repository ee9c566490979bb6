-- The email or phone number a walk-in left, as given (normalised): where they are told it is their turn. A known
-- customer may hold several; this is the one they asked us to use today.
alter table walk_ins add column contact text;
