/**
 * The source files of the donors and offline gifts pages: every word in them
 * comes from the catalogue's `staff` section (tests/unit/staff-catalogue-donors.test.ts).
 * Folders take every .tsx file below them.
 */
export const DONOR_STAFF_SOURCES = [
  "app/routes/admin.donors.$donorId.tsx",
  "app/routes/admin.donors._index.tsx",
  "app/routes/admin.offline-gifts.$donationId.tsx",
  "app/routes/admin.offline-gifts.import.tsx",
  "app/routes/admin.offline-gifts.new.tsx",
  "app/donors",
  "app/offline-gifts",
];
