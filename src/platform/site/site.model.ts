// The site's controlled lists (the tables, forms and pages share them).

export const accessibilityStatuses = ['full', 'partial', 'none'] as const;
export type AccessibilityStatus = (typeof accessibilityStatuses)[number];
export const contactTopics = ['question', 'accessibility', 'personal_data', 'error', 'other'] as const;
export type ContactTopic = (typeof contactTopics)[number];
