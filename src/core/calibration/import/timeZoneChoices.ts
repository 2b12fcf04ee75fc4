// The time zones the mapping step offers by name: those a journey can launch in (any ±hh:mm offset is
// accepted by the mapping too, importTimeZoneSchema).
export { launchTimeZones as timeZoneChoices } from '../../journey/schema';
