/** The User Timing mark the staff scan screen sets when the camera has read a code (read by the scan benchmark). */
export const SCAN_READ_MARK = 'hall-assist:scan-read';
