"""Event texts of the English-writing carriers, in each one's style.

Integrators (DHL Express, UPS, FedEx) and the posts of the US, the UK, Australia, Canada and
Hong Kong. Wordings follow the styles of their public tracking pages; they are written for
the simulator, not copied from real parcels. ``{city}`` is the scan city, ``{carrier}`` /
``{number}`` the next carrier and its number, ``{country}`` the destination country code.
"""

from __future__ import annotations

from crosstrack.sim.steps import Step

Wordings = dict[Step, tuple[str, ...]]

DHL: Wordings = {
    Step.LABEL_CREATED: ("Shipment information received",),
    Step.PICKED_UP: ("Shipment picked up",),
    Step.ORIGIN_ARRIVED: ("Processed at {city}", "Arrived at DHL Sort Facility {city}"),
    Step.ORIGIN_DEPARTED: ("Departed Facility in {city}",),
    Step.EXPORT_CUSTOMS: ("Customs clearance status updated. Export clearance complete",),
    Step.DEPARTED_ORIGIN: ("Shipment has departed from a DHL facility {city}",),
    Step.ARRIVED_DESTINATION: ("Arrived at DHL Delivery Facility {city}",),
    Step.IMPORT_CUSTOMS: ("Customs clearance status updated", "Clearance processing in progress"),
    Step.CUSTOMS_DOCUMENTS: (
        "Clearance event. Awaiting clearance documentation from receiver",
        "Customs status updated - further documentation required",
    ),
    Step.CUSTOMS_DUTIES: (
        "Shipment on hold. Payment of duties and taxes is required",
        "Awaiting payment of duties and taxes",
    ),
    Step.CUSTOMS_RELEASED: ("Clearance processing complete at {city}",),
    Step.DEST_FACILITY: ("Arrived at DHL Delivery Facility {city}", "Processed at {city}"),
    Step.OUT_FOR_DELIVERY: ("Shipment is out with courier for delivery",),
    Step.ATTEMPT_ABSENT: ("Delivery attempted; recipient not home",),
    Step.ATTEMPT_ADDRESS: ("Delivery attempted; address information needed",),
    Step.AVAILABLE_FOR_PICKUP: ("Shipment is available for pick-up at a DHL Service Point",),
    Step.DELIVERED: ("Delivered", "Shipment delivered"),
    Step.DELIVERED_NEIGHBOUR: ("Delivered to neighbour",),
    Step.COLLECTED: ("Delivered - Collected by recipient at DHL Service Point",),
    Step.RETURNING: ("Returned to shipper", "Shipment is being returned to shipper"),
    Step.RETURNED: ("Returned to shipper",),
}

UPS: Wordings = {
    Step.LABEL_CREATED: ("Shipper created a label, UPS has not received the package yet.",),
    Step.PICKED_UP: ("Picked up", "Pickup Scan"),
    Step.ORIGIN_ARRIVED: ("Arrived at Facility", "Origin Scan"),
    Step.ORIGIN_DEPARTED: ("Departed from Facility",),
    Step.EXPORT_CUSTOMS: ("Export Scan",),
    Step.DEPARTED_ORIGIN: ("Departed from Facility",),
    Step.TRANSIT: ("Your package is on the way", "In Transit"),
    Step.ARRIVED_DESTINATION: ("Import Scan", "Arrived at Facility"),
    Step.IMPORT_CUSTOMS: ("Your package is in the clearance process.",),
    Step.CUSTOMS_DOCUMENTS: (
        "The package is being held by the clearing agency. Additional documentation is required.",
    ),
    Step.CUSTOMS_DUTIES: (
        "The receiver must pay duties and taxes before the package can be released.",
    ),
    Step.CUSTOMS_RELEASED: ("Your package was released by the clearing agency.",),
    Step.DEST_FACILITY: ("Arrived at Facility", "Processing at UPS Facility"),
    Step.OUT_FOR_DELIVERY: ("Out For Delivery Today", "Loaded on Delivery Vehicle"),
    Step.ATTEMPT_ABSENT: (
        "The receiver was not available for delivery. We'll make a second attempt the next "
        "business day.",
    ),
    Step.ATTEMPT_ADDRESS: ("The address is incomplete. We're attempting to update the address.",),
    Step.AVAILABLE_FOR_PICKUP: ("Delivered to UPS Access Point™. Awaiting customer pickup",),
    Step.DELIVERED: ("Delivered", "DELIVERED"),
    Step.DELIVERED_NEIGHBOUR: ("Delivered to neighbor",),
    Step.COLLECTED: ("Picked up by customer at UPS Access Point™",),
    Step.RETURNING: ("Returning to Sender: The package will be returned to the sender.",),
    Step.RETURNED: ("Returned to Sender",),
}

FEDEX: Wordings = {
    Step.LABEL_CREATED: ("Shipment information sent to FedEx",),
    Step.PICKED_UP: ("Picked up",),
    Step.ORIGIN_ARRIVED: ("Arrived at FedEx location",),
    Step.ORIGIN_DEPARTED: ("Left FedEx origin facility",),
    Step.EXPORT_CUSTOMS: ("International shipment release - Export",),
    Step.DEPARTED_ORIGIN: ("Departed FedEx location",),
    Step.ARRIVED_DESTINATION: ("Arrived at FedEx location",),
    Step.TRANSIT: ("In transit", "On the way"),
    Step.IMPORT_CUSTOMS: ("Clearance in progress",),
    Step.CUSTOMS_DOCUMENTS: (
        "Clearance delay - Import",
        "Shipment exception - Import documents required",
    ),
    Step.CUSTOMS_DUTIES: ("Clearance delay - Duties and taxes due",),
    Step.CUSTOMS_RELEASED: ("International shipment release - Import",),
    Step.DEST_FACILITY: ("At local FedEx facility", "Arrived at FedEx location"),
    Step.OUT_FOR_DELIVERY: ("On FedEx vehicle for delivery",),
    Step.ATTEMPT_ABSENT: ("Delivery exception - Customer not available or business closed",),
    Step.ATTEMPT_ADDRESS: ("Delivery exception - Incorrect address",),
    Step.AVAILABLE_FOR_PICKUP: ("Ready for recipient pickup",),
    Step.DELIVERED: ("Delivered",),
    Step.DELIVERED_NEIGHBOUR: ("Delivered to neighbor",),
    Step.COLLECTED: ("Delivered - Picked up at FedEx location",),
    Step.RETURNING: ("Return to shipper",),
    Step.RETURNED: ("Returned to shipper",),
}

_POST_CUSTOMS_DOCUMENTS = (
    "Held by customs - documents required",
    "Your item is being held by customs. Further information is required",
)
_POST_DUTIES = (
    "Awaiting payment of customs charges",
    "Held by customs: import duty and tax to pay",
)

USPS: Wordings = {
    Step.ARRIVED_DESTINATION: (
        "Processed Through Facility",
        "Arrived at Facility - ISC {city} (USPS)",
    ),
    Step.IMPORT_CUSTOMS: ("Customs Clearance", "Inbound Into Customs"),
    Step.CUSTOMS_DOCUMENTS: ("Held in Customs - documentation required",),
    Step.CUSTOMS_DUTIES: ("Held in Customs - awaiting payment of duties",),
    Step.CUSTOMS_RELEASED: ("Customs Clearance Processing Complete", "Inbound Out of Customs"),
    Step.LAST_MILE_ACCEPTED: ("Accepted at USPS Origin Facility",),
    Step.TRANSIT: ("In Transit to Next Facility", "Moving Through Network"),
    Step.DEST_FACILITY: (
        "Arrived at USPS Regional Destination Facility",
        "Arrived at USPS Regional Origin Facility",
        "Departed USPS Regional Facility",
        "Arrived at Post Office",
    ),
    Step.OUT_FOR_DELIVERY: ("Out for Delivery",),
    Step.ATTEMPT_ABSENT: ("Notice Left (No Authorized Recipient Available)",),
    Step.ATTEMPT_ADDRESS: ("Delivery Attempted - Insufficient Address",),
    Step.AVAILABLE_FOR_PICKUP: ("Available for Pickup", "Held at Post Office, At Customer Request"),
    Step.DELIVERED: ("Delivered, Front Door/Porch", "Delivered, In/At Mailbox", "Delivered"),
    Step.DELIVERED_NEIGHBOUR: ("Delivered, Left with Individual",),
    Step.DELIVERED_MAILBOX: ("Delivered, In/At Mailbox", "Delivered, Parcel Locker"),
    Step.COLLECTED: ("Delivered, Individual Picked Up at Post Office",),
    Step.RETURNING: ("Return to Sender Processed", "Unclaimed/Being Returned to Sender"),
    Step.RETURNED: ("Delivered, To Original Sender",),
}

ROYAL_MAIL: Wordings = {
    Step.ARRIVED_DESTINATION: ("We've received your item from overseas",),
    Step.IMPORT_CUSTOMS: ("Your item is being processed by customs",),
    Step.CUSTOMS_DOCUMENTS: _POST_CUSTOMS_DOCUMENTS,
    Step.CUSTOMS_DUTIES: (
        "A fee is payable before we can deliver your item",
        "Your item is being held while we wait for the customs charge to be paid",
    ),
    Step.CUSTOMS_RELEASED: ("Your item has been released by customs",),
    Step.TRANSIT: ("Your item is on its way",),
    Step.DEST_FACILITY: (
        "Your item has arrived at the delivery office",
        "Item processed at our {city} Mail Centre",
    ),
    Step.OUT_FOR_DELIVERY: ("Your item is out for delivery",),
    Step.ATTEMPT_ABSENT: ("Sorry, we tried to deliver your item but nobody was in",),
    Step.ATTEMPT_ADDRESS: ("We were unable to deliver your item as the address is incomplete",),
    Step.AVAILABLE_FOR_PICKUP: (
        "Your item is ready for you to collect from the Customer Service Point",
        "Your item is ready to collect from the Post Office",
    ),
    Step.DELIVERED: ("Delivered", "Your item has been delivered"),
    Step.DELIVERED_NEIGHBOUR: ("Your item was delivered to your neighbour",),
    Step.DELIVERED_MAILBOX: ("Your item has been delivered to your letterbox",),
    Step.COLLECTED: ("Your item has been collected from the Customer Service Point",),
    Step.RETURNING: ("Your item is being returned to the sender",),
    Step.RETURNED: ("Your item has been returned to the sender",),
}

AUSTRALIA_POST: Wordings = {
    Step.ARRIVED_DESTINATION: ("Arrived in Australia", "Received and ready for processing"),
    Step.IMPORT_CUSTOMS: (
        "Held by Australian Border Force for inspection",
        "With Australian Customs",
    ),
    Step.CUSTOMS_DOCUMENTS: ("Held by customs - information required from receiver",),
    Step.CUSTOMS_DUTIES: _POST_DUTIES,
    Step.CUSTOMS_RELEASED: ("Cleared by Australian Customs", "Released by Australian Border Force"),
    Step.TRANSIT: ("In transit", "Item in transit"),
    Step.DEST_FACILITY: (
        "Processed through Australia Post facility",
        "Received by local delivery facility",
    ),
    Step.OUT_FOR_DELIVERY: ("Onboard for delivery", "With courier for delivery"),
    Step.ATTEMPT_ABSENT: ("Attempted delivery - Card left",),
    Step.ATTEMPT_ADDRESS: ("Unable to deliver - incomplete address",),
    Step.AVAILABLE_FOR_PICKUP: (
        "Awaiting collection",
        "Item available for collection at Post Office",
    ),
    Step.DELIVERED: ("Delivered", "Delivered - Left in a safe place"),
    Step.DELIVERED_NEIGHBOUR: ("Delivered to a neighbour",),
    Step.DELIVERED_MAILBOX: ("Delivered - Left in mail box",),
    Step.COLLECTED: ("Delivered - Collected from Post Office",),
    Step.RETURNING: ("Returning to sender",),
    Step.RETURNED: ("Returned to sender",),
}

CANADA_POST: Wordings = {
    Step.ARRIVED_DESTINATION: ("Item arrived in Canada",),
    Step.IMPORT_CUSTOMS: ("Item is being processed by the Canada Border Services Agency",),
    Step.CUSTOMS_DOCUMENTS: _POST_CUSTOMS_DOCUMENTS,
    Step.CUSTOMS_DUTIES: ("Item held: duties and taxes to be paid",),
    Step.CUSTOMS_RELEASED: ("Item released by the Canada Border Services Agency",),
    Step.TRANSIT: ("Item in transit to local delivery facility", "Item in transit"),
    Step.DEST_FACILITY: ("Item processed", "Item arrived at Canada Post facility"),
    Step.OUT_FOR_DELIVERY: ("Item out for delivery",),
    Step.ATTEMPT_ABSENT: ("Delivery attempted. Notice card left indicating where to pick up item",),
    Step.ATTEMPT_ADDRESS: ("Delivery attempted - address incomplete",),
    Step.AVAILABLE_FOR_PICKUP: ("Item available for pickup at Post Office",),
    Step.DELIVERED: ("Delivered", "Item successfully delivered"),
    Step.DELIVERED_NEIGHBOUR: ("Delivered to neighbour",),
    Step.DELIVERED_MAILBOX: ("Delivered to your community mailbox",),
    Step.COLLECTED: ("Item picked up by recipient at Post Office",),
    Step.RETURNING: ("Item being returned to sender",),
    Step.RETURNED: ("Item returned to sender",),
}

HONG_KONG_POST: Wordings = {
    Step.LABEL_CREATED: ("Information received",),
    Step.PICKED_UP: ("Item posted", "Posted at Hong Kong"),
    Step.ORIGIN_ARRIVED: ("Processed at Air Mail Centre",),
    Step.ORIGIN_DEPARTED: ("Item sorted at Air Mail Centre",),
    Step.EXPORT_CUSTOMS: ("Export clearance completed",),
    Step.DEPARTED_ORIGIN: (
        "Item left Hong Kong for its destination",
        "Departure from outward office of exchange",
    ),
    Step.RETURNING: ("Item being returned to sender",),
    Step.RETURNED: ("Item returned to sender",),
}
