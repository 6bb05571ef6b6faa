import { accessLogResolver } from '../../kit';

/** `airportsAccessLog`: who read the airports agency's restricted records (`audit:read`). */
export const AirportsAccessLogResolver = accessLogResolver('airports');
