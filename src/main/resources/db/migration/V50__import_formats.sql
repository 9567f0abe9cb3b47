-- Excel 97-2003 workbooks and HTML tables saved as .xls (OpenSID's resident export) are read besides CSV and XLSX.
alter table import_batch drop constraint import_batch_format_check;
alter table import_batch add constraint import_batch_format_check check (format in ('CSV', 'XLSX', 'XLS', 'HTML'));
