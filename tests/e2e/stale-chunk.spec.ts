import { expect, openApp, test } from './support/test.ts';

// A deploy replaced the files while this page was open: the story chunk it knows is gone once.
test.use({
  serviceWorkers: 'block',
  expectedConsoleErrors: [
    /Failed to load resource: the server responded with a status of 404.*StoryPage-/,
  ],
});

test('a chunk that vanished in a deploy costs one reload, not a broken screen', async ({
  page,
}) => {
  let failures = 0;
  await page.route(/\/assets\/StoryPage-[^/]+\.js$/, (route) => {
    if (failures++ === 0) return route.fulfill({ status: 404, body: 'gone' });
    return route.continue();
  });
  await openApp(page);
  await page.getByRole('link', { name: /Bitung, Kota Cakalang/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bitung, Kota Cakalang');
  expect(failures).toBe(2);
});
