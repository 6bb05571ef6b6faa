import { accessLogResolver } from '../../kit';

/** `drugsAccessLog`: who read the drugs agency's restricted records (`audit:read`). */
export const DrugsAccessLogResolver = accessLogResolver('drugs');
