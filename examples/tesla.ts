/**
 * The worked example of DESIGN §1, Tesla's strategy cascade, as readable tab data. It has a
 * few deliberate problems so the audit has something to show: a roadmap row with no goal,
 * a broken link, a declined request that came back, work under an anti-priority, a goal no
 * work reaches, a goal nothing measures (7) and one far behind its pace (4). Goals carry real
 * metrics, one a decrease (5), and a check-in log overrides two current cells (3 and 4).
 * The strategy gives each pillar a target share of effort (DESIGN §10); zero-emission power
 * (P4) gets far less than its 20%.
 * `npm run example` writes it to examples/tesla.xlsx.
 */
import type { WorkbookSnapshot } from '../src/core/snapshot';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const TESLA: WorkbookSnapshot = {
  sheets: [
    {
      name: 'Mission',
      values: [['Mission'], ["Accelerate the world's transition to sustainable energy"]],
    },
    {
      name: 'Vision',
      values: [['Vision'], ['The most compelling car company of the 21st century']],
    },
    {
      name: 'Strategy',
      values: [
        ['Tesla master plan: strategy pillars and anti-priorities'],
        [''],
        ['ID', 'Pillar', 'Type', 'Why', 'Target'],
        [
          'P1',
          'Build an expensive sports car',
          'Pillar',
          'Few buyers and high margins prove electric cars can be desirable, and fund the next rung',
          '20%',
        ],
        [
          'P2',
          'Use that money to build a more affordable car',
          'Pillar',
          'A premium sedan reaches a larger market while battery costs fall',
          '20%',
        ],
        ['P3', 'Use that money to build an even more affordable car', 'Pillar', 'The transition happens at mass-market volume', '40%'],
        ['P4', 'Provide zero-emission electric power', 'Pillar', 'Cars charged from fossil power only move the emissions elsewhere', '20%'],
        [
          'A1',
          'Licensing our drivetrain to other carmakers',
          'Anti-priority',
          'Our edge is the integrated product; licensing trades it for short-term cash',
        ],
        ['A2', 'Discounted fleet sales', 'Anti-priority', 'Fleet discounts starve the next rung of the margin it needs'],
      ],
    },
    {
      name: 'Goals',
      values: [
        ['ID', 'Goal', 'Pillar', 'Weight', 'Baseline', 'Target', 'Current', 'Direction', 'Start', 'Due'],
        [1, 'Sell out the Roadster run', 'P1', 1, 0, '2,450 cars', '2,450 cars', '', day('2026-01-01'), day('2026-06-30')],
        [2, 'Reach 10% of US luxury sedan sales', 'P2', 2, '2%', '10%', '7%', 'Increase', day('2026-01-01'), day('2027-06-30')],
        [3, 'Be profitable at every rung', 'P1; P2; P3', 2, '5%', '20%', '11%', '', day('2026-01-01'), day('2026-12-31')],
        [4, 'Deliver 500,000 Model 3s a year', 'P3', 3, 0, 500000, 100000, '', day('2026-01-01'), day('2026-12-31')],
        [5, 'Cut stationary storage cost to $150 per kWh', 'P4', 1, '', '$150', '$200', 'Decrease', day('2026-01-01'), day('2027-12-31')],
        [6, 'Win rental fleet contracts', 'A2', 1, 0, '3 fleets', '1 fleet', '', '', ''],
        [7, 'Superchargers on every interstate', 'P2', 1, '', '', '', '', '', ''],
      ],
    },
    {
      name: 'Roadmap',
      values: [
        ['ID', 'Initiative', 'Goal', 'Effort', 'Impact', 'Confidence', 'Reach', 'Owner', 'Status'],
        ['R-1', 'Roadster', 1, 'XL', 'High', '80%', 2450, 'JB', 'Shipped'],
        ['R-2', 'Model S', '2 (60%), 3 (40%)', 'XL', 'High', 0.7, 50000, 'Franz', 'Shipped'],
        ['R-3', 'Model 3', 'deliver 500,000 model 3s a year', 'XL', 'High', 0.6, 500000, 'Doug', 'Building'],
        ['R-4', 'Model 3 production line', 'R-3', 'L', 'Medium', 0.5, 500000, 'Jerome', 'Building'],
        ['R-5', 'Powerwall', 5, 'M', 'Medium', '70%', 20000, 'Drew', 'Planned'],
        ['R-6', 'Solar roof tiles', 'G9', 'L', 'Medium', 0.4, 10000, 'Peter', 'Planned'],
        ['R-7', 'Fleet discount programme', 6, 'S', 'Low', 0.9, 3000, 'Sales', 'Proposed'],
        ['R-8', 'In-car karaoke', '', 'S', 'Low', 0.9, 100000, 'Sales', 'Proposed'],
      ],
    },
    {
      name: 'Backlog',
      values: [
        ['Ticket ID', 'Task', 'Initiative', 'Points'],
        ['T-1', 'Carbon-fibre body panels', 'R-1', 5],
        ['T-2', 'Battery pack thermal management', 'R-2', 8],
        ['T-3', 'Cell supply contract for the Gigafactory', 'Model 3 production line', 13],
        ['T-4', 'Tile glass durability tests', 'R-6', 3],
      ],
    },
    {
      name: 'Check-ins',
      values: [
        ['Date', 'Goal', 'Value', 'Confidence', 'Note', 'By'],
        [day('2026-03-31'), 3, '9%', 0.6, 'Model S margins up after the spring price change', 'Finance'],
        [day('2026-06-30'), 3, '14%', 0.7, 'Roadster run closed at full price', 'Finance'],
        [day('2026-09-30'), 4, 120000, 0.4, 'Line 2 still ramping; cell supply is the bottleneck', 'Operations'],
        [day('2026-09-30'), 3, '18%', 0.8, 'Model 3 reached a positive gross margin', 'Finance'],
        [day('2026-11-15'), 4, 150000, 0.3, 'Ahead of last quarter, far from the run rate', 'Operations'],
      ],
    },
    {
      name: 'Not on roadmap',
      values: [
        ['Date', 'Request', 'Requested by', 'Reason', "Pillar it didn't fit", "Goal it didn't move"],
        [day('2026-08-14'), 'In-car karaoke', 'Sales team', 'Fun, but it moves no goal', 'P2', '2'],
        [day('2026-06-02'), 'Licensed drivetrain for a partner SUV', 'Partnerships', 'We keep the drivetrain in our own cars', 'A1', ''],
      ],
    },
  ],
};
