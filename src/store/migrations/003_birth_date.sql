-- Ages to the day (the iJw standard's "18 jaar of ouder in de periode"): the birth date itself, used only to compute ages;
-- birth_month stays what users may see. Stored clients only knew the month: they keep its first day until a newer
-- message or export about them gives the day (a file imported before is skipped; a store built anew gets every day).
ALTER TABLE client ADD COLUMN birth_date DATE;
UPDATE client SET birth_date = birth_month;
