-- WJ757 Frequentie is a one-character code (1, 2, 4, 6 in basisschema.xsd); CSV imports stored it zero-padded ('02'),
-- which priced every allocation as a total spread over its validity.
UPDATE allocation SET frequency = ltrim(frequency, '0') WHERE frequency IN ('01', '02', '04', '06');
