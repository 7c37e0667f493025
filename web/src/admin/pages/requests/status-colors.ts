/** The tag colour of each request status (the list and the drawer). */
export const STATUS_COLORS: Record<string, string> = { draft: 'default', open: 'blue', chosen: 'green', expired: 'orange', cancelled: 'default' };
