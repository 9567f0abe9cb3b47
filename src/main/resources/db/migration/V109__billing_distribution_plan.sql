-- How each billing table would be placed on a Citus cluster distributed by province (docs/scaling.md), recorded in the
-- catalog beside the table. Comments only: no data, index, constraint or statement changes, so this costs nothing at run
-- time. A payer lies inside one province, so a payer's bills, lines, payments, allocation and paid months share it.
-- Form: 'distribution: <province of COLUMN | province of payer | reference | coordinator>; <what must change first>'.
comment on table bill is
    'distribution: province of payer_region_code; unique (payer_id, month) and the verification code gain the province';
comment on table bill_line is
    'distribution: province of village_code; the largest table; primary key (province, id)';
comment on table payment is
    'distribution: province of payer_region_code; unique (payer_id, reference) gains the province';
comment on table paid_month is
    'distribution: province of village_code; primary key gains the province';
comment on table payment_allocation is
    'distribution: province of payer; needs a province column (today only payer_id and bill_line_id) and a foreign key (province, bill_line_id)';
comment on table bill_balance is
    'distribution: province of payer; needs a province column (today only payer_id)';
comment on table bill_version is
    'distribution: province of payer; needs a province column (today only bill_id); codes gain a province prefix';
comment on table billing_run is
    'distribution: coordinator';
