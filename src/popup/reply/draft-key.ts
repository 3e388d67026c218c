/** The key of a comment's reply or edit draft in the popup's maps (comment key + kind). */
export const draftKey = (commentKey: string, kind: 'reply' | 'edit') => `${commentKey}\n${kind}`;
