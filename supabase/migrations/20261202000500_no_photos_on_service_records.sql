-- A service record is an applicant's visit: a photo of it would most likely show the applicant's papers (names, ID
-- numbers), which the hall keeps minimal (docs/SECURITY.md). Photos belong to the hall's own work (incidents,
-- patrol checks, later visits), so service records stop being a photo owner. Should any service-record photo exist,
-- the foreign key of app.photos.owner_kind stops this migration: deciding what happens to such photos is a
-- person's decision, not a migration's.
delete from app.photo_owners where kind = 'service_record';
