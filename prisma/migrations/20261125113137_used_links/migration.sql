-- CreateTable
CREATE TABLE "UsedLink" (
    "nonce" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsedLink_pkey" PRIMARY KEY ("nonce")
);
