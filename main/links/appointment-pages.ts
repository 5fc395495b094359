// Process: main (pure). Microsoft Bookings pages and virtual-appointment routers. None of them
// carries a Teams meeting Doorway could join offline: Bookings pages (`outlook.office365.com/owa/
// calendar/<mailbox>/bookings/…`, `outlook.office.com/bookwithme/…`, `book.ms/…` short links) are
// for booking and managing the appointment, and the virtual-appointment router
// (`visit.teams.microsoft.com/webrtc-svc/api/route?tid=…&convId=19:meeting_…@thread.v2`) names the
// meeting's thread and tenant but not its organizer, which the SDK needs to join by link. So they
// get a problem of their own, saying where the joinable link is (the confirmation email).
import { isUnder } from './hosts';

const OUTLOOK_HOSTS = ['outlook.office365.com', 'outlook.office.com', 'outlook.live.com', 'outlook.office365.us'];

export function isAppointmentPage(url: URL, host: string): boolean {
  const path = url.pathname.toLowerCase();
  if (host === 'visit.teams.microsoft.com') return true;
  if (isUnder(host, 'book.ms')) return true;
  if (OUTLOOK_HOSTS.includes(host)) {
    return path.includes('/bookings/') || path.startsWith('/bookwithme/') || path.startsWith('/book/');
  }
  return false;
}
