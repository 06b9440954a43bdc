-- Pairs made by the rounds pipeline before the fix were filed under the literal "engine"; their members carry "engine:<version>".
UPDATE "pairs" AS p SET "renderer" = s."renderer" FROM "candidates" AS s, "candidates" AS w
WHERE p."renderer" = 'engine' AND s."id" = p."strong_id" AND w."id" = p."weak_id" AND s."renderer" = w."renderer";
