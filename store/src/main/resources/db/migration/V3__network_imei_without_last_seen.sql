-- network_imei keeps what changes rarely, so that a daily operator import writes only the IMEIs it
-- has news of (the ingest module's V12 and README figures).
--
-- last_seen goes: a daily file moves the last day of nearly every IMEI it holds, and rewriting
-- ten million rows to move a date by one day was the largest cost of a steady-state import. The
-- last day an IMEI was seen is in its triplets, whose key leads with the IMEI (ceir show asks
-- them); first seen, the radios and the first sighting's source stay here, and change only for an
-- IMEI that is new, seen earlier than before, or on a new radio.
ALTER TABLE network_imei DROP COLUMN last_seen;
