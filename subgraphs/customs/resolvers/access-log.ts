import { accessLogResolver } from '../../kit';

/** `customsAccessLog`: who read the customs agency's restricted records (`audit:read`). */
export const CustomsAccessLogResolver = accessLogResolver('customs');
