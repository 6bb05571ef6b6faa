-- Up Migration
-- The special-goods application of a consolidated import is recorded by customs, which creates
-- it (`customs.special_goods_application.consolidated_import_id`) and contributes
-- `ConsolidatedImport.specialGoodsApplication` to the supergraph. The drug side's copy of the
-- link was never written by the API (so it went stale as soon as an agency submitted an
-- application) and is no longer read: drop it.

ALTER TABLE consolidated_import DROP COLUMN special_goods_application_number;
