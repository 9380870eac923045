/**
 * The source files of the staff pages: they may stay in English, but every
 * word they show comes from the catalogue's `staff` section (decision 045),
 * so translating that section translates them with no code to change.
 * tests/unit/catalogues.test.ts checks these files for hard-coded text.
 * Folders take every .tsx file below them.
 */
export const STAFF_SOURCES = [
  "app/routes/admin.tsx",
  "app/routes/admin._index.tsx",
  "app/routes/admin.audit.tsx",
  "app/routes/admin.campaigns.$campaignId.tsx",
  "app/routes/admin.campaigns._index.tsx",
  "app/routes/admin.campaigns.new.tsx",
  "app/routes/admin.campaigns_.$campaignId.translations.tsx",
  "app/routes/admin.donations.$donationId.tsx",
  "app/routes/admin.donations._index.tsx",
  "app/routes/admin.outbox.tsx",
  "app/routes/admin.staff.tsx",
  "app/routes/admin_.sign-in.tsx",
  "app/routes/admin.sign-out.tsx",
  "app/staff/components",
  "app/dashboard/components",
  "app/donations/components",
  "app/campaigns/components/CampaignEditorPage.tsx",
  "app/campaigns/components/CampaignForm.tsx",
  "app/campaigns/components/CampaignState.tsx",
  "app/campaigns/components/CampaignTranslationEditor.tsx",
  "app/components/ui",
  "app/routes/admin.donors.$donorId.tsx",
  "app/routes/admin.donors._index.tsx",
  "app/routes/admin.offline-gifts.$donationId.tsx",
  "app/routes/admin.offline-gifts.import.tsx",
  "app/routes/admin.offline-gifts.new.tsx",
  "app/donors",
  "app/offline-gifts",
];
