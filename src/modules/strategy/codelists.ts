// The tags a node may carry: the 23 objectives of the Global Compact for Safe, Orderly and Regular
// Migration (UN General Assembly resolution 73/195, 2018) and the Sustainable Development Goal targets
// that name migration (UN resolution 70/1, 2015). Their names are in the messages (strategy.gcm_N, strategy.sdg_X).

export const GCM_OBJECTIVES = Array.from({ length: 23 }, (_, index) => String(index + 1));

/** SDG targets on migration and migrants: 10.7 (orderly migration), 10.c (remittance costs), 8.8 (migrant workers' rights), 16.2 (trafficking), 17.18 (data by migratory status). */
export const SDG_TARGETS = ['8.8', '10.7', '10.c', '16.2', '17.18'] as const;

export const gcmKey = (code: string) => `strategy.gcm_${code}`;
export const sdgKey = (code: string) => `strategy.sdg_${code.replace('.', '_')}`;
