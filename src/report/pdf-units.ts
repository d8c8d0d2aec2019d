/** Font sizes are in points and the page in millimetres: 1 pt = 25.4 / 72 mm. */
export const MM_PER_POINT = 25.4 / 72;
